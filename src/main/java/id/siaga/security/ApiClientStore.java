package id.siaga.security;

import java.util.List;
import java.util.Optional;

/** Where integration clients' keys are kept. */
public interface ApiClientStore {

    Optional<ApiClient> find(String keyId);

    void save(ApiClient client);

    List<ApiClient> all();
}
