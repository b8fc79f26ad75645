namespace Jiedan.Domain.Bot.WeCom;

/// <summary>
/// Takes <c>Encrypt</c> out of the outer callback XML (<c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt;</c>)
/// without an XML parser: the envelope arrives before its signature is checked, so it gets one linear scan and nothing
/// more. Nothing else in the envelope is used; the signature covers the ciphertext, so an unusual envelope is refused
/// rather than interpreted.
/// </summary>
public static class WeComEnvelope
{
    private const string Open = "<Encrypt>";
    private const string Close = "</Encrypt>";
    private const string CDataOpen = "<![CDATA[";
    private const string CDataClose = "]]>";

    /// <exception cref="BotFormatException">no Encrypt element, more than one, or one that is not plain Base64.</exception>
    public static string EncryptedPart(string xml)
    {
        var start = xml.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0) throw new BotFormatException("Encrypt: missing");
        start += Open.Length;
        var end = xml.IndexOf(Close, start, StringComparison.Ordinal);
        if (end < 0) throw new BotFormatException("Encrypt: not closed");
        if (xml.IndexOf(Open, end, StringComparison.Ordinal) >= 0
            || xml.AsSpan(start, end - start).Contains(Open, StringComparison.Ordinal))
            throw new BotFormatException("Encrypt: more than one");
        var value = xml.AsSpan(start, end - start);
        if (value.StartsWith(CDataOpen, StringComparison.Ordinal))
        {
            if (!value.EndsWith(CDataClose, StringComparison.Ordinal) || value.Length < CDataOpen.Length + CDataClose.Length)
                throw new BotFormatException("Encrypt: CDATA not closed");
            value = value[CDataOpen.Length..^CDataClose.Length];
        }
        if (value.IsEmpty) throw new BotFormatException("Encrypt: empty");
        foreach (var c in value)
        {
            if (!IsBase64(c)) throw new BotFormatException("Encrypt: not Base64");
        }
        return value.ToString();
    }

    private static bool IsBase64(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '=';
}
