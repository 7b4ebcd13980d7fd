package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Set<String> VARS = Set.of("sku", "name", "qty");

  private static TemplateException error(String text, Set<String> variables) {
    return assertThrows(TemplateException.class, () -> Template.compile(text, variables));
  }

  @Test
  void rendersPlaceholdersByName() {
    Template t = Template.compile("{\"sku\": \"${sku}\", \"qty\": ${qty}, \"again\": \"${sku}\"}", VARS);
    assertFalse(t.isConstant());
    assertEquals(List.of("sku", "qty"), t.variables());
    assertEquals("{\"sku\": \"A-1\", \"qty\": 3, \"again\": \"A-1\"}", t.render(Map.of("sku", "A-1", "qty", "3")::get));
  }

  @Test
  void rendersPlaceholdersByIndex() {
    Template t = Template.compile("/items/${sku}?n=${name}&sku=${sku}", VARS);
    assertEquals(List.of("sku", "name"), t.variables());
    assertEquals("/items/A-1?n=Widget&sku=A-1", t.render(new String[] {"A-1", "Widget"}));
    assertEquals("/items/?n=&sku=", t.render(new String[] {"", ""}));
  }

  @Test
  void placeholdersAtTheEdgesAndNextToEachOther() {
    Template t = Template.compile("${sku}${qty}", VARS);
    assertEquals("A-13", t.render(new String[] {"A-1", "3"}));
  }

  @Test
  void doubleDollarIsALiteralDollarAndALoneDollarIsItself() {
    Template t = Template.compile("price $$5, $5, $$${sku}, $${sku}, a$", VARS);
    assertEquals(List.of("sku"), t.variables());
    assertEquals("price $5, $5, $A-1, ${sku}, a$", t.render(new String[] {"A-1"}));
    Template literal = Template.compile("$${sku}", Set.of());
    assertTrue(literal.isConstant());
    assertEquals("${sku}", literal.render(new String[0]));
  }

  @Test
  void aConstantTemplateRendersTheSameStringEveryTime() {
    Template t = Template.compile("/home?q=1", Set.of());
    assertTrue(t.isConstant());
    assertEquals(List.of(), t.variables());
    String first = t.render(new String[0]);
    assertEquals("/home?q=1", first);
    assertSame(first, t.render(new String[0]));
    assertSame(first, t.render(name -> {
      throw new AssertionError("a constant template asks for no value");
    }));
    assertSame("/home?q=1", Template.compile("/home?q=1", VARS).render(new String[0]), "the text itself, not a copy");
  }

  @Test
  void unclosedPlaceholder() {
    TemplateException e = error("{\"sku\": \"${sku\"}", VARS);
    assertEquals("unclosed '${' at column 10; write '}' after the variable name, or '$$' for a literal '$'", e.getMessage());
    assertEquals(10, e.column());
    assertEquals(5, e.length()); // ${sku
    assertEquals("unclosed '${'", e.problem());
    assertNull(e.variable());
    assertEquals("unclosed '${' at column 3; write '}' after the variable name, or '$$' for a literal '$'",
        error("ab${", VARS).getMessage());
  }

  @Test
  void emptyName() {
    TemplateException e = error("/items/${}", VARS);
    assertEquals("empty variable name '${}' at column 8; write a variable name between the braces, or '$${}' for a literal '${}'",
        e.getMessage());
    assertEquals(8, e.column());
    assertEquals(3, e.length());
  }

  @Test
  void unknownVariableListsTheKnownOnesAndSuggests() {
    TemplateException e = error("/items/${skuu}", VARS);
    assertEquals("unknown variable 'skuu' at column 8; known variables: name, qty, sku; did you mean 'sku'?", e.getMessage());
    assertEquals(8, e.column());
    assertEquals(7, e.length());
    assertEquals(List.of("name", "qty", "sku"), e.known());
    assertEquals("did you mean 'sku'?", e.suggestion());
    assertEquals("unknown variable 'skuu'", e.problem());
    assertEquals("skuu", e.variable());
  }

  @Test
  void unknownVariableWithNothingClose() {
    TemplateException e = error("${price}", VARS);
    assertEquals("unknown variable 'price' at column 1; known variables: name, qty, sku", e.getMessage());
    assertNull(e.suggestion());
  }

  @Test
  void unknownVariableWhenThereAreNone() {
    assertEquals("unknown variable 'sku' at column 2; there are no variables; write '$${sku}' for a literal '${sku}'",
        error("x${sku}", Set.of()).getMessage());
  }

  @Test
  void theFirstProblemInTheTextIsReported() {
    assertEquals(1, error("${nope} ${sku", VARS).column());
    assertEquals(7, error("${sku}${}${nope}", VARS).column());
  }

  @Test
  void parseChecksOnlyTheSyntax() {
    assertEquals(List.of("anything", "else"), Template.parse("${anything}/${else}").variables());
    assertThrows(TemplateException.class, () -> Template.parse("${open"));
    TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("${}"));
    assertTrue(e instanceof IllegalArgumentException);
  }

  @Test
  void aMissingValueIsAnError() {
    Template t = Template.compile("${sku}-${qty}", VARS);
    assertEquals("no value for variable 'qty' in template '${sku}-${qty}'",
        assertThrows(IllegalArgumentException.class, () -> t.render(new String[] {"A-1"})).getMessage());
    assertEquals("no value for variable 'sku' in template '${sku}-${qty}'",
        assertThrows(IllegalArgumentException.class, () -> t.render(name -> null)).getMessage());
  }
}
