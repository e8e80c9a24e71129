using System.Text;

namespace PreventionPrize.Web.Infrastructure.Csv;

/// <summary>
/// Reads RFC 4180 CSV as <see cref="CsvWriter"/> writes it (and as spreadsheets save it): quoted cells with doubled
/// quotes and line breaks, CRLF or LF, an optional UTF-8 byte-order mark, and the writer's apostrophe before a
/// formula-like cell taken off again. Semicolon-separated files (Excel in French) are recognised by their header.
/// </summary>
public static class CsvReader
{
    public static List<List<string>> Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { row.Add(Unescape(cell)); cell.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(Unescape(cell)); cell.Clear();
                if (row.Any(v => v.Length > 0)) rows.Add(row);
                row = [];
            }
            else cell.Append(c);
        }
        row.Add(Unescape(cell));
        if (row.Any(v => v.Length > 0)) rows.Add(row);
        return rows;
    }

    private static string Unescape(StringBuilder cell)
    {
        var value = cell.ToString();
        return value.Length > 1 && value[0] == '\'' && "=+-@\t\r".Contains(value[1]) ? value[1..] : value;
    }
}
