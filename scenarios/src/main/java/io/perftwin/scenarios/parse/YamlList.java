package io.perftwin.scenarios.parse;

import java.util.ArrayList;
import java.util.List;

/** A list node. */
public final class YamlList extends YamlNode {
  private final List<YamlNode> items = new ArrayList<>();

  public YamlList(Mark mark) {
    super(mark);
  }

  public List<YamlNode> items() {
    return items;
  }

  public int size() {
    return items.size();
  }

  public YamlNode get(int index) {
    return items.get(index);
  }

  public void add(YamlNode item) {
    items.add(item);
  }

  public void set(int index, YamlNode item) {
    items.set(index, item);
  }

  @Override
  public String describe() {
    return "a list";
  }
}
