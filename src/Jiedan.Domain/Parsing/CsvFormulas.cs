using System.Globalization;
using CsvHelper.Configuration;

namespace Jiedan.Domain.Parsing;

/// <summary>
/// Every CSV Jiedan writes goes through <see cref="WriterConfiguration"/>: a cell a spreadsheet would run as a formula
/// (starting with = + - @ tab or CR) is written with a leading apostrophe, CsvHelper's <see cref="InjectionOptions.Escape"/>.
/// The apostrophe itself counts as such a character, so a value that starts with one gets a second, and
/// <see cref="Unescape"/> (the importer's side) can drop exactly one: export → import is the identity.
/// CsvHelper also escapes a value wrapped in double quotes whose second character is one of them, after that quote;
/// <see cref="Unescape"/> undoes that form too.
/// </summary>
public static class CsvFormulas
{
    public const char Escape = '\'';
    private static readonly char[] Triggers = ['=', '@', '+', '-', '\t', '\r', Escape];

    /// <summary>Whether a cell starting with <paramref name="first"/> is escaped (for writers that do not use CsvHelper).</summary>
    public static bool StartsFormula(char first) => Triggers.Contains(first);

    public static CsvConfiguration WriterConfiguration() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = Triggers,
        InjectionEscapeCharacter = Escape,
    };

    /// <summary>The value a field written with <see cref="WriterConfiguration"/> held before escaping.</summary>
    public static string Unescape(string field)
    {
        if (field.Length >= 2 && field[0] == Escape && Triggers.Contains(field[1])) return field[1..];
        if (field.Length >= 4 && field[0] == '"' && field[1] == Escape && Triggers.Contains(field[2]) && field[^1] == '"')
            return string.Concat("\"", field.AsSpan(2));
        return field;
    }
}
