namespace Jiedan.Domain.Contract;

/// <summary>The size a requirement.yml may have, wherever it comes from (a file, a request body, the dashboard's form).</summary>
public static class RequirementLimits
{
    /// <summary>1 MiB, as the bounded YAML reader's own cap.</summary>
    public const int MaxBytes = 1 << 20;
}
