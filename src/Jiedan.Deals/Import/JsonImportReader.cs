using System.Text;
using System.Text.Json;

namespace Jiedan.Deals.Import;

/// <summary>
/// Reads import rows from JSON: an array of objects with the same fields as the CSV columns. Walks the document
/// with <see cref="Utf8JsonReader"/> so every error can name the line and column of the offending value.
/// </summary>
public static class JsonImportReader
{
    public static List<ImportRow> Read(byte[] utf8, List<ImportError> errors, DealImportLimits? limits = null)
    {
        limits ??= DealImportLimits.Default;
        var rows = new List<ImportRow>();
        var lineStarts = LineStarts(utf8);
        (int Line, int Column) Position(long offset)
        {
            var i = lineStarts.BinarySearch((int)offset);
            var lineIndex = i >= 0 ? i : ~i - 1;
            return (lineIndex + 1, Encoding.UTF8.GetCharCount(utf8, lineStarts[lineIndex], (int)offset - lineStarts[lineIndex]) + 1);
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = limits.MaxJsonDepth,
        });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                var (l, c) = Position(reader.TokenStartIndex);
                errors.Add(new ImportError(l, c, "expected a JSON array of stage events"));
                return rows;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var (objLine, objColumn) = Position(reader.TokenStartIndex);
                if (rows.Count >= limits.MaxRows)
                {
                    errors.Add(new ImportError(objLine, objColumn, $"more than {limits.MaxRows} rows; split the file"));
                    break;
                }
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(new ImportError(objLine, objColumn, "expected an object"));
                    reader.Skip();
                    continue;
                }
                var fields = new Dictionary<string, (string? Value, int Column, int Line)>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!.Trim().ToLowerInvariant();
                    reader.Read();
                    var (l, c) = Position(reader.TokenStartIndex);
                    string? value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        JsonTokenType.Null => null,
                        _ => Unsupported(ref reader, l, c, name, errors),
                    };
                    if (!ImportFields.Required.Contains(name) && !ImportFields.Optional.Contains(name))
                        errors.Add(new ImportError(l, c, $"unknown field '{name}'"));
                    fields[name] = (value, c, l);
                }
                var row = ImportFields.Parse(objLine, name =>
                {
                    if (fields.TryGetValue(name, out var f)) return (f.Value, f.Column);
                    return (null, objColumn);
                }, errors);
                if (row is not null) rows.Add(row with { Line = objLine });
            }
        }
        catch (JsonException e)
        {
            errors.Add(new ImportError((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"malformed JSON: {e.Message.Split(" LineNumber")[0]}"));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader checks a string's UTF-8 only when it is read as text (GetString).
            var (l, c) = Position(reader.TokenStartIndex);
            errors.Add(new ImportError(l, c, "a string is not valid UTF-8"));
        }
        return rows;
    }

    private static string? Unsupported(ref Utf8JsonReader reader, int line, int column, string name, List<ImportError> errors)
    {
        errors.Add(new ImportError(line, column, $"{name} must be a string or a number"));
        reader.Skip();
        return null;
    }

    private static List<int> LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }
}
