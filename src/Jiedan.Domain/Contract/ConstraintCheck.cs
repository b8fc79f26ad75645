using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Contract;

/// <summary>Whether a string value meets a field's string constraints, counted as protovalidate and JSON Schema count.</summary>
public static class ConstraintCheck
{
    /// <summary>Length in Unicode code points (a surrogate pair is one), not UTF-16 units.</summary>
    public static long CodePoints(string value) => value.EnumerateRunes().LongCount();

    public static bool Satisfies(string value, FieldConstraints constraints)
    {
        var length = CodePoints(value);
        if (length < constraints.MinLength || length > constraints.MaxLength) return false;
        if (constraints.Pattern is { } pattern
            && !Regex.IsMatch(value, pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            return false;
        return constraints.Format switch
        {
            StringFormat.Email => MailAddress.TryCreate(value, out var mail) && mail.Address == value
                && !value.Contains(' ', StringComparison.Ordinal),
            StringFormat.Uuid => Guid.TryParseExact(value, "D", out _),
            StringFormat.Uri => Uri.TryCreate(value, UriKind.Absolute, out _),
            _ => true,
        };
    }

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
