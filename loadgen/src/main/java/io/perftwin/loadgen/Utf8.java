package io.perftwin.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 for the files perftwin reads (scenarios, CSV feeders, OpenSLO files). */
public final class Utf8 {
  private Utf8() {}

  /** Decodes {@code bytes}, refusing malformed or unmappable input instead of replacing it. */
  public static String decodeStrict(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
