package io.perftwin.reports.internal;

/** A small HTML table builder; cells are given as text and escaped here. */
final class HtmlTable {
  private final StringBuilder html = new StringBuilder();

  HtmlTable(String cssClass, String... header) {
    html.append("<table class=\"").append(cssClass).append("\">\n<thead><tr>");
    for (String h : header) {
      html.append("<th>").append(Escape.html(h)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
  }

  /** A row of text cells. */
  HtmlTable row(String... cells) {
    return rowWithClass(null, cells);
  }

  /** A row of text cells with a CSS class on the row. */
  HtmlTable rowWithClass(String cssClass, String... cells) {
    html.append(cssClass == null ? "<tr>" : "<tr class=\"" + cssClass + "\">");
    for (String c : cells) {
      html.append("<td>").append(Escape.html(c)).append("</td>");
    }
    html.append("</tr>\n");
    return this;
  }

  String render() {
    return html + "</tbody>\n</table>\n";
  }
}
