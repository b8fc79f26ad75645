using Jiedan.Domain.Bot;

namespace Jiedan.Bot.Storage;

/// <summary>The adapter for a configured bot (platform + name), or null when no such bot is configured.</summary>
public interface IBotAdapterCatalog
{
    IBotAdapter? Find(string platform, string bot);
}
