package id.siaga.app;

import id.siaga.web.RequestBodyLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Logins and request limits.
 *
 * @param usersFile      a users CSV seeded into the user table at start ({@code username,display_name,roles,
 *                       station,password}); existing accounts are left alone. The demo sets its own file;
 *                       production leaves this empty and manages users in the database.
 * @param maxRequestBody larger request bodies are refused with 413 before they are read. 1 MB is far above
 *                       any JSON the API takes and keeps a flood of large bodies from exhausting memory.
 */
@ConfigurationProperties("siaga.access")
public record AccessProperties(
        @DefaultValue("") String usersFile,
        @DefaultValue("1MB") DataSize maxRequestBody) implements RequestBodyLimit {
}
