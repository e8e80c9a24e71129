using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PreventionPrize.Web.Infrastructure.Xlsx;

/// <summary>
/// A workbook of plain sheets (Open XML SDK). Text goes in as inline strings and numbers as numbers, never as
/// formulas: a cell typed by an applicant or a juror that starts with "=" stays text in Excel, so the CSV
/// writer's apostrophe is not needed here (it would show).
/// </summary>
public sealed class XlsxWriter
{
    private readonly List<(string Name, List<object?[]> Rows)> _sheets = [];

    public XlsxWriter Sheet(string name, IEnumerable<object?[]> rows)
    {
        _sheets.Add((name, rows.ToList()));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData(rows.Select(Row));
                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(object?[] values) => new(values.Select(Cell));

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value.ToString()!)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    /// <summary>XML cannot carry most control characters; a pasted one must not break the whole file.</summary>
    private static string Clean(string text) => new(text.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray());
}
