using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Jiedan.Domain.Parsing;

namespace Jiedan.Domain.Bot.WeCom;

/// <summary>
/// Reads decrypted WeCom callback messages (text and events) and writes application messages for
/// <c>cgi-bin/message/send</c>. WeCom text messages have no inline buttons, so the choices are spelled out
/// and answered by text commands (确认 / 修改 N), which the core understands on every platform.
/// </summary>
public sealed class WeComAdapter(int agentId) : IBotAdapter
{
    public const string Name = "wecom";

    public string Platform => Name;

    /// <summary>A decrypted message is a flat element list; events nest a few levels (picture lists, menus), never more.</summary>
    public static readonly XmlLimits Limits = new(MaxDepth: 8, MaxCharacters: 1 << 20);

    public InboundMessage Parse(string body)
    {
        XElement root;
        try { root = BoundedXml.Load(body, Limits); }
        catch (XmlInputException e) { throw new BotFormatException($"xml: {e.Message}"); }
        string Field(string name) => root.Element(name)?.Value ?? "";
        var from = Field("FromUserName");
        if (from.Length == 0) throw new BotFormatException("FromUserName: missing");
        var created = long.TryParse(Field("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        var msgType = Field("MsgType");
        var msgId = Field("MsgId");
        var key = msgId.Length > 0 ? msgId : $"{from}:{created}:{msgType}:{Field("Event")}";
        var kind = msgType == "text" ? InboundKind.Text : InboundKind.Other;
        return new InboundMessage(Name, key, kind, from, new ChatUser(from, from), UnixSeconds.ToUtc(created, "CreateTime"),
            Text: kind == InboundKind.Text ? Field("Content") : null);
    }

    public PlatformPayload? Build(OutboundReply reply) => reply switch
    {
        SendText s => Message(s.ChatId, s.Text + (s.Buttons.Count > 0 && s.TextAnswers is { } answers
            ? "\n" + answers : Choices(s.Buttons))),
        EditText e => Message(e.ChatId, e.Text + Choices(e.Buttons)),
        _ => null,
    };

    private PlatformPayload Message(string user, string content) => new("message/send", new JsonObject
    {
        ["touser"] = user, ["msgtype"] = "text", ["agentid"] = agentId, ["text"] = new JsonObject { ["content"] = content },
    }.ToJsonString());

    private static string Choices(IReadOnlyList<IReadOnlyList<ReplyButton>> rows) =>
        rows.Count == 0 ? "" : "\n回复「确认」「确认 N」「修改 N」 Reply \"confirm\", \"confirm N\" or \"amend N\"";

    /// <summary>The plaintext of a passive text reply, to be encrypted with <see cref="WeComCrypto.EncryptReply"/>.</summary>
    public static string PassiveTextReply(string toUser, string fromCorp, long createTime, string content)
    {
        var xml = new XElement("xml",
            new XElement("ToUserName", new XCData(toUser)), new XElement("FromUserName", new XCData(fromCorp)),
            new XElement("CreateTime", createTime), new XElement("MsgType", new XCData("text")),
                new XElement("Content", new XCData(content)));
        return xml.ToString(SaveOptions.DisableFormatting);
    }
}
