package id.siaga.integration.text;

import java.util.Map;

/**
 * Told everything that happens to conversations: {@code TextConversationOpened}, {@code TextReceived},
 * {@code TextReceivedAgain}, {@code TextLocated}, {@code TextIncidentAttached}, {@code TextTaken}, {@code TextEscalated},
 * {@code TextReplyQueued}, {@code TextReplySent}, {@code TextReplyFailed}, {@code TextConversationClosed}. The wiring
 * journals each on the conversation's incident (or, before it has one, on the conversation).
 */
@FunctionalInterface
public interface TextEvents {

    void noted(String type, TextConversation conversation, String actor, Map<String, Object> facts);
}
