namespace Jiedan.Loc.Classification;

/// <summary>
/// Go's convention for generated files (https://go.dev/s/generatedcode), also used by many other generators:
/// a line matching `Code generated .* DO NOT EDIT.` near the top of the file.
/// </summary>
internal static class GeneratedCode
{
    private const int HeadBytes = 4096;
    private const int HeadLines = 40;

    public static bool IsGenerated(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, HeadBytes)];
        for (var lineNo = 0; lineNo < HeadLines && head.Length > 0; lineNo++)
        {
            var nl = head.IndexOf((byte)'\n');
            var line = nl < 0 ? head : head[..nl];
            var at = line.IndexOf("Code generated "u8);
            if (at >= 0)
            {
                var marker = line[(at + 15)..].IndexOf("DO NOT EDIT"u8);
                if (marker >= 0 && at + 15 + marker + 11 < line.Length) return true;
            }
            if (nl < 0) break;
            head = head[(nl + 1)..];
        }
        return false;
    }
}
