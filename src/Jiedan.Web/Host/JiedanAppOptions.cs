using Jiedan.Common.Storage;

namespace Jiedan.Web.Host;

/// <summary>What the CLI (or a test) decides before the web host is built.</summary>
public sealed record JiedanAppOptions(DatabaseTarget Database)
{
    public string[] Urls { get; init; } = ["http://127.0.0.1:5080"];
    public bool SeedDemoData { get; init; }
    /// <summary>Written to once with the owner's setup link on first run; defaults to the console.</summary>
    public TextWriter? Announcements { get; init; }
    public string EnvironmentName { get; init; } = "Production";
    public string? ContentRoot { get; init; }
    /// <summary>Configuration entries layered over appsettings and the environment (tests set limits and proxies here).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
