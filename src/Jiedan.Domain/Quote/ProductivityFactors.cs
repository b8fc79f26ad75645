namespace Jiedan.Domain.Quote;

/// <summary>
/// The factors that turn each layer into hours. Defaults, until a calibration replaces them:
/// size 0.04 h per effective line (25 delivered lines an hour), function points 15 h per unadjusted point (the
/// median delivery rate ISBSG reports for new development), and the SLA layer's multipliers on the functional
/// baseline: gold 1.30 (load tests, redundancy, failover drills, runbooks), silver 1.15, bronze 1.00.
/// </summary>
public sealed record ProductivityFactors(LayerModel Size, LayerModel FunctionPoints, IReadOnlyDictionary<SlaTier, double> SlaMultipliers,
    string Source)
{
    public const double DefaultHoursPerLine = 0.04;
    public const double DefaultHoursPerFunctionPoint = 15.0;

    public static IReadOnlyDictionary<SlaTier, double> DefaultSlaMultipliers { get; } =
        new Dictionary<SlaTier, double> { [SlaTier.Gold] = 1.30, [SlaTier.Silver] = 1.15, [SlaTier.Bronze] = 1.00 };

    public static ProductivityFactors Default { get; } = new(
        LayerModel.Linear(DefaultHoursPerLine),
        LayerModel.Linear(DefaultHoursPerFunctionPoint),
        DefaultSlaMultipliers,
        "defaults");
}
