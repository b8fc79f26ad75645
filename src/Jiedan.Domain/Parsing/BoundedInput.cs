namespace Jiedan.Domain.Parsing;

/// <summary>Reads outside input into memory, never more than a cap: a webhook body, an import file.</summary>
public static class BoundedInput
{
    /// <summary>All of <paramref name="content"/>, or null as soon as it turns out longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="expectedBytes">A hint for the first buffer (e.g. Content-Length already checked against the cap).</param>
    public static async Task<byte[]?> ReadAllAsync(Stream content, long maxBytes, CancellationToken ct, int expectedBytes = 1024)
    {
        using var buffer = new MemoryStream(expectedBytes);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
