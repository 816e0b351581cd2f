package id.siaga.web;

import id.siaga.security.AccountStateFilter;
import id.siaga.security.ConsoleLanding;
import id.siaga.security.SiagaPrincipal;
import id.siaga.security.StationScope;
import id.siaga.security.UserAccount;
import id.siaga.security.UserAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user changes their own password, with the current one: always allowed, and the only thing allowed while the
 * password is a temporary one an administrator set. The session that changed it goes on; the user's other sessions end.
 */
@RestController
class AccountController {

    private final UserAdministration accounts;

    AccountController(UserAdministration accounts) {
        this.accounts = accounts;
    }

    record PasswordChange(@NotNull @Size(max = 200) String currentPassword, @NotNull @Size(max = 200) String newPassword) {
    }

    /** Where the console goes next. */
    record Changed(String landing) {
    }

    @PostMapping(AccountStateFilter.PASSWORD_API)
    ResponseEntity<Changed> changePassword(@Valid @RequestBody PasswordChange body, Authentication auth, HttpServletRequest request,
                                           HttpServletResponse response) {
        SiagaPrincipal me = StationScope.principal(auth);
        if (me.isApiClient()) {
            throw new IllegalArgumentException("an API key has no password");
        }
        UserAccount changed = accounts.changeOwnPassword(me.username(), body.currentPassword(), body.newPassword());
        AccountStateFilter.replacePrincipal(request, response, auth, changed);
        return ResponseEntity.ok(new Changed(ConsoleLanding.console(SiagaPrincipal.of(changed))));
    }
}
