namespace Jiedan.Domain.Deals;

/// <summary>Where an order came from.</summary>
public enum Platform { Upwork, Toptal, Mashi, Proginn, OssCrowd, Telegram, WeCom, Direct, Other }

public static class PlatformNames
{
    private static readonly Dictionary<string, Platform> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["码市"] = Platform.Mashi, ["codemart"] = Platform.Mashi,
        ["程序员客栈"] = Platform.Proginn,
        ["开源众包"] = Platform.OssCrowd, ["oss"] = Platform.OssCrowd,
        ["企业微信"] = Platform.WeCom, ["wechat-work"] = Platform.WeCom,
    };

    public static bool TryParse(string? text, out Platform platform)
    {
        var t = text?.Trim() ?? "";
        if (Aliases.TryGetValue(t, out platform)) return true;
        return Enum.TryParse(t, ignoreCase: true, out platform) && Enum.IsDefined(platform) && !int.TryParse(t, out _);
    }

    public static string Chinese(this Platform p) => p switch
    {
        Platform.Mashi => "码市", Platform.Proginn => "程序员客栈", Platform.OssCrowd => "开源众包",
        Platform.WeCom => "企业微信", Platform.Direct => "直接客户", Platform.Other => "其他",
        _ => p.ToString(),
    };
}
