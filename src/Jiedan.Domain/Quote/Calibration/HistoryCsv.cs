using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Jiedan.Domain.Quote.Calibration;

/// <summary>
/// Reads a project history CSV. A row with a missing value in any cell (<c>?</c>, <c>NA</c> or empty, the PROMISE
/// convention) is incomplete and skipped, and its line is reported; a value that is present but not a positive
/// number where one is needed is an error naming line and column.
/// </summary>
public static class HistoryCsv
{
    public const int MaxFieldChars = 4096;
    public const int MaxRows = 100_000;

    private static readonly HashSet<string> Missing = new(StringComparer.OrdinalIgnoreCase) { "", "?", "NA", "N/A", "null" };

    /// <exception cref="HistoryFormatException">a required column is absent or a value is not a usable number.</exception>
    public static HistoryData Read(TextReader text, string source, HistoryColumns columns)
    {
        var options = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",", TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null, MaxFieldSize = MaxFieldChars,
        };
        using var csv = new CsvReader(text, options, leaveOpen: true);
        var header = ReadRow(csv, source) && csv.ReadHeader() ? csv.HeaderRecord ?? [] : [];
        if (header.Length == 0) throw new HistoryFormatException(source, 1, 1, "the file is empty; the first line must name the columns");
        int Find(string name) => Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

        var hours = Find(columns.Hours);
        if (hours < 0) throw new HistoryFormatException(source, 1, 1, $"no '{columns.Hours}' column (actual hours) in the header");
        var lines = Find(columns.Lines);
        var points = Find(columns.FunctionPoints);
        if (lines < 0 && points < 0)
            throw new HistoryFormatException(source, 1, 1,
                $"neither a '{columns.Lines}' nor a '{columns.FunctionPoints}' column: calibration needs a size");
        var factorNames = new List<string>();
        var factorIndexes = new List<int>();
        foreach (var name in columns.Factors ?? HistoryColumns.DefaultFactors)
        {
            var i = Find(name);
            if (i >= 0) { factorNames.Add(header[i].Trim()); factorIndexes.Add(i); }
            else if (columns.Factors is not null)
                throw new HistoryFormatException(source, 1, 1, $"no factor column '{name}' in the header");
        }
        var ordinalIndexes = new List<int>();
        foreach (var name in columns.OrdinalFactors)
        {
            var i = Find(name);
            if (i < 0) throw new HistoryFormatException(source, 1, 1, $"no ordinal factor column '{name}' in the header");
            if (factorIndexes.Contains(i)) factorNames.RemoveAt(factorIndexes.IndexOf(i));
            factorIndexes.Remove(i);
            factorNames.Add(header[i].Trim());
            factorIndexes.Add(i);
            ordinalIndexes.Add(i);
        }

        var projects = new List<HistoryProject>();
        var incomplete = new List<int>();
        while (ReadRow(csv, source))
        {
            var line = csv.Parser.RawRow;
            if (line > MaxRows)
                throw new HistoryFormatException(source, line, 1, $"more than {MaxRows} lines; a history is a few hundred projects");
            var cells = csv.Parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (cells.Length < header.Length || cells.Any(c => Missing.Contains(c.Trim()))) { incomplete.Add(line); continue; }
            double? Number(int index, bool required)
            {
                if (index < 0) return null;
                var cell = cells[index].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new HistoryFormatException(source, line, index + 1, $"column {index + 1} must be a number");
                if (v < 0 || (required && v == 0))
                    throw new HistoryFormatException(source, line, index + 1,
                        $"column {index + 1} must be {(required ? "above 0" : "0 or more")}");
                return v;
            }
            foreach (var i in ordinalIndexes) Number(i, required: false);
            var factors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var k = 0; k < factorIndexes.Count; k++) factors[factorNames[k]] = cells[factorIndexes[k]].Trim();
            projects.Add(new HistoryProject(line, Number(hours, required: true)!.Value, Number(lines, false), Number(points, false),
                factors));
        }
        return new HistoryData(source, projects, incomplete, factorNames)
        {
            NumericOrdinalFactors = ordinalIndexes.Select(i => header[i].Trim()).ToList(),
        };
    }

    /// <summary>Reads the next row; a field past <see cref="MaxFieldChars"/> is an error at its row, not a huge buffer.</summary>
    private static bool ReadRow(CsvReader csv, string source)
    {
        try { return csv.Read(); }
        catch (CsvHelperException e)
        {
            var row = e.Context?.Parser?.Row ?? 0;
            throw new HistoryFormatException(source, row, 1, $"a field longer than {MaxFieldChars} characters or malformed CSV");
        }
    }
}
