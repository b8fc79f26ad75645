namespace Jiedan.Domain.Credibility.Demo;

/// <summary>
/// What one visit to a demo measured. <see cref="Reason"/> says why the page could not be measured (refused address,
/// connection refused, timeout, HTTP error) and is null when it was. Times are milliseconds from the navigation's start;
/// null when the browser did not report them. Console and page error messages keep only the first few, shortened.
/// </summary>
public sealed record DemoMeasurement
{
    public const int MaxMessages = 3;
    public const int MaxMessageLength = 200;

    public required string Url { get; init; }
    public bool Reachable { get; init; }
    public int? Status { get; init; }
    public string? Reason { get; init; }
    public required HealthResult Health { get; init; }
    public double? FirstContentfulPaintMs { get; init; }
    public double? LoadMs { get; init; }
    public int ConsoleErrors { get; init; }
    public int PageErrors { get; init; }
    public IReadOnlyList<string> ErrorMessages { get; init; } = [];

    public static DemoMeasurement Unreachable(string url, string reason, HealthResult? health = null) => new()
    {
        Url = url, Reachable = false, Reason = reason, Health = health ?? new HealthResult(null, "not asked: the demo was not reachable"),
    };

    /// <summary>A message as evidence may hold it: one line, without control characters, at most <see cref="MaxMessageLength"/>.</summary>
    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = new string([.. message.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (line.Length <= MaxMessageLength) return line;
        var cut = line[..MaxMessageLength];
        if (char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        return cut + "…";
    }
}

/// <summary>The demo's <c>/health</c>: the HTTP status, or why there was none.</summary>
public sealed record HealthResult(int? Status, string? Reason)
{
    public bool Healthy => Status is >= 200 and < 300;
}
