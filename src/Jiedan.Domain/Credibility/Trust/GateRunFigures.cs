namespace Jiedan.Domain.Credibility.Trust;

/// <summary>What a trust page shows of one gate run: no deal, client, price or path, only the project's figures.</summary>
public sealed record GateRunFigures(
    DateTime AtUtc, bool Passed, double? CoveragePercent, IReadOnlyList<BenchmarkFigure> Benchmarks, IReadOnlyList<ChecklistLine> Checks);

/// <summary>A benchmark's median in the run (benchstat's centre), in its unit (sec/op, B/op, …).</summary>
public sealed record BenchmarkFigure(string Name, string Unit, double Median);

/// <summary>A gate check as the client-facing report names it.</summary>
public sealed record ChecklistLine(string Id, string Title, string TitleZh, string Measured, string Threshold, string Status);
