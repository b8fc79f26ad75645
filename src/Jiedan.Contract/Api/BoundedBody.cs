using System.Text;
using Jiedan.Domain.Parsing;

namespace Jiedan.Contract.Api;

/// <summary>A request body read as UTF-8 text up to a byte cap, whatever Content-Length claims (chunked bodies too).</summary>
internal static class BoundedBody
{
    /// <returns>the text, or null when the body is longer than <paramref name="maxBytes"/> (reading stops there).</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) return null;
        var expected = request.ContentLength is { } length ? (int)length : 1024;
        if (await BoundedInput.ReadAllAsync(request.Body, maxBytes, ct, expected) is not { } body) return null;
        var bytes = body.AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        return Encoding.UTF8.GetString(bytes);
    }
}
