using Jiedan.Bot.Storage;
using Jiedan.Domain.Bot;
using Jiedan.Domain.Bot.Telegram;
using Jiedan.Domain.Bot.WeCom;

namespace Jiedan.Bot.Services;

/// <summary>One adapter per configured bot; the inbox processor asks here by platform and name.</summary>
public sealed class BotAdapterCatalog(BotRegistry registry) : IBotAdapterCatalog
{
    private readonly TelegramAdapter _telegram = new();
    private readonly Dictionary<string, WeComAdapter> _wecom =
        registry.WeCom.ToDictionary(b => b.Key, b => new WeComAdapter(b.Value.AgentId));

    public IBotAdapter? Find(string platform, string bot) => platform switch
    {
        TelegramAdapter.Name when registry.Telegram.ContainsKey(bot) => _telegram,
        WeComAdapter.Name => _wecom.GetValueOrDefault(bot),
        _ => null,
    };
}
