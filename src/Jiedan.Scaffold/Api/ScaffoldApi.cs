using Jiedan.Contract.Services;
using Jiedan.Domain.Contract;
using Jiedan.Domain.Scaffold;
using Jiedan.Scaffold.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Scaffold.Api;

/// <summary><c>GET /api/v1/deals/{id}/scaffold.zip?module=…[&amp;framework=gin|stdlib][&amp;lang=en|zh][&amp;version=N]</c>.</summary>
public static class ScaffoldApi
{
    public static RouteGroupBuilder MapScaffoldApiV1(this RouteGroupBuilder api)
    {
        api.MapGet("/deals/{id:long}/scaffold.zip", Download).WithTags("Scaffold");
        return api;
    }

    /// <summary>The Go project generated from the deal's latest requirement (or version N), as a zip.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Download(long id, string? module,
        string? framework, string? lang, int? version, RequirementStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(module)) errors["module"] = ["required: the Go module path, e.g. github.com/you/orders"];
        if (framework is not (null or "gin" or "stdlib")) errors["framework"] = ["gin or stdlib"];
        if (lang is not (null or "en" or "zh")) errors["lang"] = ["en or zh"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The scaffold options are not valid");
        if (!await store.DealExistsAsync(id, ct)) return TypedResults.Problem(title: $"No deal {id}", statusCode: 404);
        var requirement = await store.FindAsync(id, version, ct);
        if (requirement is null)
        {
            var which = version is null ? "" : $" version {version}";
            return TypedResults.Problem(title: $"Deal {id} has no requirement{which}", statusCode: 404);
        }
        var options = new ScaffoldOptions(module!, framework == "stdlib" ? GoFramework.Stdlib : GoFramework.Gin, lang == "zh");
        try
        {
            var files = ScaffoldBuilder.Build(requirement.YamlText, DealContracts.FileName, options);
            var name = requirement.Service.Replace('_', '-');
            return TypedResults.File(ScaffoldZip.Pack(name, files), "application/zip", $"{name}.zip");
        }
        catch (ScaffoldException e)
        {
            var key = e.Message.StartsWith("--module", StringComparison.Ordinal) ? "module" : "requirement";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [e.Message] },
                title: "The scaffold cannot be generated");
        }
        catch (RequirementException e)
        {
            return TypedResults.Problem(title: "The stored requirement is not valid", detail: e.Message, statusCode: 409);
        }
    }
}
