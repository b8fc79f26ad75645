using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Jiedan.Domain.Parsing;

namespace Jiedan.Deals.Import;

/// <summary>
/// Reads an import file's bytes (at most <see cref="DealImportLimits.MaxBytes"/>) and checks that they are UTF-8:
/// an invalid byte is an error at its line and column, never a silent U+FFFD.
/// </summary>
internal static class ImportText
{
    public static async Task<byte[]?> ReadAsync(Stream content, DealImportLimits limits, List<ImportError> errors, CancellationToken ct)
    {
        if (await BoundedInput.ReadAllAsync(content, limits.MaxBytes, ct) is not { } bytes)
        {
            errors.Add(new ImportError(1, 1, $"the file is larger than {limits.MaxBytes} bytes; split it"));
            return null;
        }
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        if (FirstInvalid(bytes.AsSpan(bom)) is { } bad)
        {
            var (line, column) = Position(bytes, bom, bom + bad);
            errors.Add(new ImportError(line, column, "invalid UTF-8 (save the file as UTF-8)"));
            return null;
        }
        return bom == 0 ? bytes : bytes[bom..];
    }

    /// <summary>The offset of the first byte that does not start or continue a valid UTF-8 sequence, or null.</summary>
    public static int? FirstInvalid(ReadOnlySpan<byte> utf8)
    {
        var chars = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            var at = 0;
            while (at < utf8.Length)
            {
                var status = Utf8.ToUtf16(utf8[at..], chars, out var bytesRead, out _, replaceInvalidSequences: false);
                at += bytesRead;
                if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData) return at;
            }
            return null;
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }

    /// <summary>1-based line, and column in characters, of byte <paramref name="offset"/> (the bytes before it are valid).</summary>
    private static (int Line, int Column) Position(byte[] bytes, int start, int offset)
    {
        var span = bytes.AsSpan(start, offset - start);
        var lastNewline = span.LastIndexOf((byte)'\n');
        var line = span.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(span[(lastNewline + 1)..]) + 1);
    }
}
