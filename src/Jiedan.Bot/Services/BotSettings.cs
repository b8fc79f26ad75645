using Jiedan.Domain.Bot.WeCom;

namespace Jiedan.Bot.Services;

/// <summary><c>Bots:Telegram:{name}</c>. The secret token is what Telegram sends back in every webhook call.</summary>
public sealed record TelegramBotSettings(string Name, string Token, string SecretToken, string? ApiBaseUrl);

/// <summary>
/// <c>Bots:WeCom:{name}</c>: callback Token, EncodingAESKey and ReceiveId (the corp id) verify and decrypt callbacks;
/// Secret and AgentId let replies go out through the active message API at ApiBaseUrl. A callback whose signed timestamp is
/// further than MaxMessageAge from now (either side) is refused as a replay.
/// </summary>
public sealed record WeComBotSettings(string Name, string Token, string EncodingAesKey, string ReceiveId, string? ApiBaseUrl,
    string? Secret, int AgentId)
{
    public TimeSpan MaxMessageAge { get; init; } = WeComTimestamp.DefaultMaxAge;

    public WeComCrypto Crypto { get; } = new(Token, EncodingAesKey, ReceiveId);
}

/// <summary>The configured bots, read once at start-up. A bot with a missing or bad setting stops the start with its name.</summary>
public sealed class BotRegistry
{
    public const string Section = "Bots";
    public IReadOnlyDictionary<string, TelegramBotSettings> Telegram { get; }
    public IReadOnlyDictionary<string, WeComBotSettings> WeCom { get; }

    public BotRegistry(IConfiguration config)
    {
        var root = config.GetSection(Section);
        Telegram = root.GetSection("Telegram").GetChildren().ToDictionary(s => s.Key, s => new TelegramBotSettings(
            s.Key, Required(s, "Token"), Required(s, "SecretToken"), s["ApiBaseUrl"]), StringComparer.Ordinal);
        WeCom = root.GetSection("WeCom").GetChildren().ToDictionary(s => s.Key, s =>
        {
            try
            {
                return new WeComBotSettings(s.Key, Required(s, "Token"), Required(s, "EncodingAESKey"), Required(s, "ReceiveId"),
                    s["ApiBaseUrl"],
                    s["Secret"], int.TryParse(s["AgentId"], out var agent) ? agent : 0) { MaxMessageAge = MaxAge(s) };
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{s.Path}: {e.Message}", e);
            }
        }, StringComparer.Ordinal);
    }

    private static TimeSpan MaxAge(IConfigurationSection s)
    {
        if (s["MaxMessageAge"] is not { Length: > 0 } text) return WeComTimestamp.DefaultMaxAge;
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var age) && age > TimeSpan.Zero
            ? age
            : throw new InvalidOperationException($"{s.Path}:MaxMessageAge must be a positive time span such as 00:05:00");
    }

    private static string Required(IConfigurationSection s, string key) =>
        s[key] is { Length: > 0 } v ? v : throw new InvalidOperationException($"{s.Path}:{key} is required");
}
