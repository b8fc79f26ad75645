using System.Text;

namespace Jiedan.Contract.Api;

/// <summary>A request body read as UTF-8 text up to a byte cap, whatever Content-Length claims (chunked bodies too).</summary>
internal static class BoundedBody
{
    /// <returns>the text, or null when the body is longer than <paramref name="maxBytes"/> (reading stops there).</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var content = new MemoryStream();
        int n;
        while ((n = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (content.Length + n > maxBytes) return null;
            content.Write(buffer, 0, n);
        }
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        return Encoding.UTF8.GetString(bytes);
    }
}
