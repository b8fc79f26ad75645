namespace Jiedan.Domain.Gate.ApiDocs;

/// <summary>One operation of an API document and what its documentation lacks.</summary>
public sealed record OperationDocs(string Method, string Path, bool HasSummary, bool ParametersDescribed, bool ResponsesDocumented)
{
    public bool Complete => HasSummary && ParametersDescribed && ResponsesDocumented;

    public IEnumerable<string> Gaps()
    {
        if (!HasSummary) yield return "no summary";
        if (!ParametersDescribed) yield return "parameters without description";
        if (!ResponsesDocumented) yield return "responses without description or schema";
    }
}

/// <summary>Documentation completeness of an OpenAPI document: the share of operations that are fully documented.</summary>
public sealed record ApiDocsReport(string SpecVersion, IReadOnlyList<OperationDocs> Operations, IReadOnlyList<string> UndocumentedRoutes)
{
    public int Complete => Operations.Count(o => o.Complete);

    /// <summary>Percent of operations with a summary, described parameters and documented responses (0 when none).</summary>
    public double Percent => Operations.Count == 0 ? 0 : 100.0 * Complete / Operations.Count;

    public ApiDocsReport WithServedRoutes(IEnumerable<ServedRoute> routes, string basePath) =>
        this with { UndocumentedRoutes = ServedRoutes.Undocumented(routes, Operations, basePath) };

    public string BasePath { get; init; } = "";

    /// <summary>Routes the deal's contract promised (its generated OpenAPI) that this document does not describe.</summary>
    public IReadOnlyList<string> UndocumentedPromises { get; init; } = [];

    public ApiDocsReport WithPromisedRoutes(IEnumerable<ServedRoute> promised) =>
        this with { UndocumentedPromises = ServedRoutes.Undocumented(promised, Operations, BasePath) };
}
