package id.siaga.web;

import org.springframework.util.unit.DataSize;

/**
 * How large a request body the API reads before answering 413. Web owns what it needs to know; the settings that
 * say it ({@code siaga.access.max-request-body}) implement it.
 */
public interface RequestBodyLimit {

    /** Larger bodies are refused before they are read. */
    DataSize maxRequestBody();
}
