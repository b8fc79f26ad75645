using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Jiedan.Domain.Parsing;

namespace Jiedan.Deals.Import;

/// <summary>
/// Reads import rows from CSV (a header row, then one stage event per row). A field the exporter escaped against
/// formula injection (a leading apostrophe, <see cref="CsvFormulas"/>) is read back as it was before.
/// </summary>
public static class CsvImportReader
{
    public static List<ImportRow> Read(TextReader text, List<ImportError> errors, DealImportLimits? limits = null)
    {
        limits ??= DealImportLimits.Default;
        var rows = new List<ImportRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = ctx => errors.Add(new ImportError(ctx.Context.Parser?.RawRow ?? 0, 1, "malformed CSV (a stray double quote?)")),
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MaxFieldSize = MaxFieldChars,
        };
        using var csv = new CsvReader(text, config);
        if (!Read(csv, errors) || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            if (errors.Count == 0) errors.Add(new ImportError(1, 1, "the file is empty: expected a header row"));
            return rows;
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (index.ContainsKey(header[i])) errors.Add(new ImportError(1, i + 1, $"column '{header[i]}' appears twice"));
            else if (!ImportFields.Required.Contains(header[i]) && !ImportFields.Optional.Contains(header[i]))
                errors.Add(new ImportError(1, i + 1,
                    $"unknown column '{header[i]}' (expected {string.Join(", ", ImportFields.Required.Concat(ImportFields.Optional))})"));
            else index[header[i]] = i;
        }
        foreach (var missing in ImportFields.Required.Where(r => !index.ContainsKey(r)))
            errors.Add(new ImportError(1, header.Count + 1, $"missing required column '{missing}'"));
        if (errors.Count > 0) return rows;

        while (Read(csv, errors))
        {
            var line = csv.Parser.RawRow;
            if (csv.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= limits.MaxRows)
            {
                errors.Add(new ImportError(line, 1, $"more than {limits.MaxRows} rows; split the file"));
                break;
            }
            var row = ImportFields.Parse(line,
                name => index.TryGetValue(name, out var i) ? (Unescape(csv.GetField(i)), i + 1) : (null, header.Count + 1), errors);
            if (row is not null) rows.Add(row);
        }
        return rows;
    }

    /// <summary>No stored field comes near this; a longer one is refused before it is buffered whole.</summary>
    public const int MaxFieldChars = 64 * 1024;

    private static bool Read(CsvReader csv, List<ImportError> errors)
    {
        try { return csv.Read(); }
        catch (CsvHelperException e)
        {
            var row = e.Context?.Parser?.RawRow ?? 1;
            errors.Add(new ImportError(row, 1, $"a field longer than {MaxFieldChars} characters or malformed CSV"));
            return false;
        }
    }

    private static string? Unescape(string? field) => field is null ? null : CsvFormulas.Unescape(field);
}
