using System.Xml;
using System.Xml.Linq;

namespace Jiedan.Domain.Bot.WeCom;

/// <summary>Reads the outer callback XML (<c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt;</c>).</summary>
public static class WeComEnvelope
{
    /// <exception cref="BotFormatException">not XML, or no Encrypt element.</exception>
    public static string EncryptedPart(string xml)
    {
        var root = Load(xml);
        var encrypt = root.Element("Encrypt")?.Value;
        return string.IsNullOrEmpty(encrypt) ? throw new BotFormatException("Encrypt: missing") : encrypt;
    }

    internal static XElement Load(string xml)
    {
        try
        {
            // DTDs are refused: nothing from the network gets to expand entities.
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw new BotFormatException($"xml: line {e.LineNumber}, column {e.LinePosition}: {e.Message}");
        }
    }
}
