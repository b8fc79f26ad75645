using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jiedan.Cli.Db;

/// <summary>
/// A table's checksum over its rows as the application reads them, independent of the provider and of row order: each
/// row's properties in a canonical text form are hashed, the row hashes sorted and hashed again. Instants count to the
/// microsecond, PostgreSQL's precision, and decimals without trailing zeros, so SQLite and PostgreSQL copies of the
/// same data agree.
/// </summary>
public sealed class TableChecksum(IEntityType table)
{
    private readonly IProperty[] _properties = [.. table.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal)];
    private readonly List<byte[]> _rows = [];

    public long Rows => _rows.Count;

    public void Add(object entity)
    {
        var text = new StringBuilder();
        foreach (var p in _properties)
        {
            var value = Canonical(p.PropertyInfo?.GetValue(entity) ?? p.FieldInfo?.GetValue(entity));
            text.Append(p.Name).Append(':').Append(value.Length).Append(':').Append(value).Append(';');
        }
        _rows.Add(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public string Hex()
    {
        _rows.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in _rows) all.AppendData(row);
        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    public static string Canonical(object? value) => value switch
    {
        null => "null",
        DateTime d => Micro(DateTime.SpecifyKind(d, DateTimeKind.Utc).Ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", Invariant),
        DateTimeOffset o => Micro(o.UtcTicks).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", Invariant),
        decimal m => m.ToString("0.############################", Invariant),
        double f => f.ToString("R", Invariant),
        float f => f.ToString("R", Invariant),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    private static DateTime Micro(long ticks) => new(ticks - ticks % 10, DateTimeKind.Utc);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
}
