using Jiedan.Common.Web;
using Jiedan.Contract.Services;
using Jiedan.Contract.Tools;
using Jiedan.Domain.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Contract.Api;

/// <summary>
/// A deal's contract under <c>/api/v1/deals/{id}/contract</c>: PUT the requirement YAML (a new version each time), GET
/// the latest with its .proto, OpenAPI and parity, the history, and the two files as downloads.
/// </summary>
public static class ContractApi
{
    private const string YamlType = "application/yaml";

    public static RouteGroupBuilder MapContractApiV1(this RouteGroupBuilder api)
    {
        var contract = api.MapGroup("/deals/{id:long}/contract").WithTags("Contract");
        contract.MapGet("/", Get);
        contract.MapPut("/", Put).Accepts<string>(YamlType, "text/yaml", "text/plain");
        contract.MapGet("/history", History);
        contract.MapGet("/openapi.yaml", OpenApi);
        contract.MapGet("/{service}.proto", Proto);
        return contract;
    }

    /// <summary>The latest requirement (or <c>?version=N</c>) with the generated files and the parity report.</summary>
    public static async Task<Results<Ok<ContractDto>, ProblemHttpResult>> Get(long id, int? version, DealContracts contracts,
        CancellationToken ct) =>
        await contracts.FindAsync(id, version, ct) is { } found ? TypedResults.Ok(ContractDto.From(found)) : NoContract(id);

    /// <summary>Stores the body (requirement.yml, at most 1 MiB) as the deal's next requirement version.</summary>
    public static async Task<Results<Created<ContractDto>, ValidationProblem, ProblemHttpResult>> Put(long id,
        HttpRequest request, DealContracts contracts, CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(id, ct)) return NoDeal(id);
        var yaml = await BoundedBody.ReadAsync(request, RequirementLimits.MaxBytes, ct);
        if (yaml is null) return Problem($"the requirement is larger than {RequirementLimits.MaxBytes / 1024} KiB");
        if (string.IsNullOrWhiteSpace(yaml)) return Problem("the request body is the requirement (YAML) and it is empty");
        try
        {
            var saved = await contracts.SaveAsync(id, yaml, request.HttpContext.User.Actor(), ct);
            return TypedResults.Created($"/api/v1/deals/{id}/contract?version={saved.Requirement.Number}", ContractDto.From(saved));
        }
        catch (RequirementException e)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["requirement"] = [$"line {e.Line}, column {e.Column}: {e.Problem}"] },
                title: "The requirement is not valid",
                extensions: new Dictionary<string, object?> { ["line"] = e.Line, ["column"] = e.Column });
        }
        catch (ProtocException e)
        {
            return TypedResults.Problem(title: "The contract could not be compiled", detail: e.Message, statusCode: 500);
        }
    }

    /// <summary>Every requirement version of the deal, newest first (without the YAML: <c>GET …/contract?version=N</c> has it).</summary>
    public static async Task<Results<Ok<IReadOnlyList<RequirementVersionDto>>, ProblemHttpResult>> History(long id,
        DealContracts contracts, CancellationToken ct)
    {
        if (!await contracts.DealExistsAsync(id, ct)) return NoDeal(id);
        var history = await contracts.HistoryAsync(id, ct);
        return TypedResults.Ok<IReadOnlyList<RequirementVersionDto>>([.. history.Select(RequirementVersionDto.From)]);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> OpenApi(long id, int? version,
        DealContracts contracts, CancellationToken ct) =>
        await contracts.FindAsync(id, version, ct) is { } found
            ? TypedResults.Text(found.Contract.Contract.OpenApiYaml, YamlType)
            : NoContract(id);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Proto(long id, string service, int? version,
        DealContracts contracts, CancellationToken ct)
    {
        var found = await contracts.FindAsync(id, version, ct);
        if (found is null) return NoContract(id);
        if (!string.Equals($"{service}.proto", found.Contract.Contract.ProtoFileName, StringComparison.Ordinal))
        {
            return TypedResults.Problem(title: "No such file", detail: $"the contract's .proto is {found.Contract.Contract.ProtoFileName}",
                statusCode: 404);
        }
        return TypedResults.Text(found.Contract.Contract.ProtoText, "text/plain");
    }

    private static ValidationProblem Problem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["requirement"] = [message] });

    private static ProblemHttpResult NoDeal(long id) =>
        TypedResults.Problem(title: "Deal not found", detail: $"no deal with id {id}", statusCode: 404);

    private static ProblemHttpResult NoContract(long id) => TypedResults.Problem(title: "No contract",
        detail: $"deal {id} has no requirement (PUT /api/v1/deals/{id}/contract stores one)", statusCode: 404);
}

/// <summary>A stored requirement version, without its text.</summary>
public sealed record RequirementVersionDto(int Version, string Service, string ServiceVersion, DateTime CreatedAtUtc, string CreatedBy)
{
    public static RequirementVersionDto From(RequirementVersion v) => new(v.Number, v.Service, v.ServiceVersion, v.CreatedAtUtc,
        v.CreatedBy);
}

/// <summary>A deal's contract: the requirement as stored, both generated files and their parity.</summary>
public sealed record ContractDto(long DealId, RequirementVersionDto Requirement, string RequirementYaml, string ProtoFileName,
    string Proto, string OpenApiFileName, string OpenApi, ParityView Parity)
{
    public static ContractDto From(DealContract c) => new(c.Requirement.DealId, RequirementVersionDto.From(c.Requirement),
        c.Requirement.YamlText, c.Contract.Contract.ProtoFileName, c.Contract.Contract.ProtoText, c.Contract.Contract.OpenApiFileName,
        c.Contract.Contract.OpenApiYaml, ParityView.From(c.Contract.Parity));
}
