namespace Jiedan.Domain.Deals;

public enum DealCategory
{
    ApiService, DataPipeline, InfrastructureTool, CliTool, MicroserviceRefactor, KubernetesOperator, CiCdPlugin, Other,
}

public static class DealCategoryNames
{
    public static bool TryParse(string? text, out DealCategory category)
    {
        var t = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).Replace("/", "", StringComparison.Ordinal);
        return Enum.TryParse(t, ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(t, out _);
    }
}
