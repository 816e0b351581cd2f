package id.siaga.app;

import id.siaga.org.CsvRows;
import id.siaga.org.OperatorId;
import id.siaga.org.OperatorRoster;
import id.siaga.telephony.registrar.DigestCredential;
import id.siaga.telephony.registrar.OperatorPhone;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the phones file: {@code operator,sip_user,ha1,contact}, one position per line. */
final class PhonesCsv {

    private PhonesCsv() {
    }

    static Map<OperatorId, OperatorPhone> read(Reader reader, String source, OperatorRoster roster) {
        Map<OperatorId, OperatorPhone> phones = new LinkedHashMap<>();
        for (CsvRows.Row row : CsvRows.read(reader, source, "operator", "sip_user", "ha1", "contact")) {
            OperatorId op;
            try {
                op = new OperatorId(row.required("operator"));
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
            if (roster.find(op).isEmpty()) {
                throw row.problem("phone for unknown operator " + op);
            }
            var contact = row.optional("contact");
            var user = row.optional("sip_user");
            OperatorPhone phone;
            try {
                if (contact.isPresent() && user.isEmpty()) {
                    phone = new OperatorPhone.Static(contact.get());
                } else if (user.isPresent() && contact.isEmpty()) {
                    phone = new OperatorPhone.Registering(user.get(), DigestCredential.ha1(row.required("ha1")));
                } else {
                    throw row.problem("give either sip_user and ha1 (a registering phone) or contact (a static one), not both");
                }
            } catch (IllegalArgumentException e) {
                throw row.problem(e.getMessage());
            }
            if (phones.put(op, phone) != null) {
                throw row.problem("operator " + op + " has two phones");
            }
        }
        return phones;
    }
}
