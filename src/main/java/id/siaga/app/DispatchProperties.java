package id.siaga.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Field units and dispatch.
 *
 * @param unitsFile units CSV ({@code id,call_sign,kind,station,devices,members}); a Spring resource location.
 *                  The demo's fourteen units of Polda DIY by default; production points it at the Polres'
 *                  own register, e.g. {@code file:/etc/siaga/units.csv}
 */
@ConfigurationProperties("siaga.dispatch")
public record DispatchProperties(@DefaultValue("classpath:demo/units.csv") String unitsFile) {

    public DispatchProperties {
        if (unitsFile == null || unitsFile.isBlank()) {
            throw new IllegalArgumentException("siaga.dispatch.units-file must name a units CSV");
        }
    }
}
