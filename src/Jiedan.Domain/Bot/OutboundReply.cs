namespace Jiedan.Domain.Bot;

/// <summary>A button under a message; <see cref="Data"/> comes back in the press (Telegram limits it to 64 bytes).</summary>
public sealed record ReplyButton(string Label, string Data);

/// <summary>A platform-neutral reply the core wants delivered. Adapters turn it into a platform payload.</summary>
public abstract record OutboundReply(string ChatId);

/// <summary>A new message, optionally with rows of buttons.</summary>
public sealed record SendText(string ChatId, string Text, IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons) : OutboundReply(ChatId)
{
    /// <summary>What a platform without buttons (WeCom) shows instead of them: how to answer by text. Null: the
    /// confirmation commands.</summary>
    public string? TextAnswers { get; init; }

    public static SendText Plain(string chatId, string text) => new(chatId, text, []);
}

/// <summary>Stops the client's spinner after a button press, with a short notice.</summary>
public sealed record AnswerButton(string ChatId, string ButtonId, string Notice) : OutboundReply(ChatId);

/// <summary>Replaces the text (and buttons) of a message the bot sent earlier.</summary>
public sealed record EditText(string ChatId, string MessageId, string Text,
    IReadOnlyList<IReadOnlyList<ReplyButton>> Buttons) : OutboundReply(ChatId);
