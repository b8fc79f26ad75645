using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Jiedan.Domain.Contract;

/// <summary>The paths: one operation per planned RPC, errors as problem+json.</summary>
internal sealed class OpenApiOperations(ContractPlan plan, OpenApiDocument document)
{
    private const string Json = "application/json";

    public static Dictionary<string, IOpenApiParameter> Parameters() => new(StringComparer.Ordinal)
    {
        ["Id"] = new OpenApiParameter
        {
            Name = "id", In = ParameterLocation.Path, Required = true, Description = "The entity's identifier.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            Example = Examples.Uuid,
        },
        ["PageSize"] = new OpenApiParameter
        {
            Name = "page_size", In = ParameterLocation.Query, Description = "At most this many items (0: the service's default).",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0",
                Maximum = ContractPlanner.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        },
        ["PageToken"] = new OpenApiParameter
        {
            Name = "page_token", In = ParameterLocation.Query, Description = "The next_page_token of the previous page.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ContractPlanner.MaxPageToken },
        },
    };

    public static Dictionary<string, IOpenApiResponse> ErrorResponses(OpenApiDocument document)
    {
        OpenApiResponse Problem(string description) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [OpenApiWriter.ProblemJson] = new() { Schema = new OpenApiSchemaReference("Problem", document) },
            },
        };
        return new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal)
        {
            ["BadRequest"] = Problem("The request breaks a constraint of the contract."),
            ["NotFound"] = Problem("No entity has this id."),
            ["Conflict"] = Problem("The version named is not the current one (optimistic concurrency), or a unique value is taken."),
            ["Error"] = Problem("Any other error."),
        };
    }

    public void AddPaths()
    {
        foreach (var rpc in plan.Rpcs)
        {
            if (!document.Paths.TryGetValue(rpc.Path, out var item))
                document.Paths[rpc.Path] = item = new OpenApiPathItem { Operations = [] };
            ((OpenApiPathItem)item).Operations![new HttpMethod(rpc.HttpMethod.ToUpperInvariant())] = Operation(rpc);
        }
    }

    private OpenApiOperation Operation(PlannedRpc rpc)
    {
        var operation = new OpenApiOperation
        {
            OperationId = char.ToLowerInvariant(rpc.Name[0]) + rpc.Name[1..],
            Summary = rpc.Summary.Split('\n')[0],
            Tags = new HashSet<OpenApiTagReference> { new(rpc.Entity, document) },
            Parameters = [],
            Responses = [],
        };
        if (rpc.Path.Contains("{id}", StringComparison.Ordinal)) operation.Parameters.Add(new OpenApiParameterReference("Id", document));
        if (rpc.Name.StartsWith("List", StringComparison.Ordinal) && rpc.HttpMethod == "get")
        {
            operation.Parameters.Add(new OpenApiParameterReference("PageSize", document));
            operation.Parameters.Add(new OpenApiParameterReference("PageToken", document));
        }
        if (rpc.Emits is { } emits)
        {
            operation.Description = $"Emits {emits} (components.schemas.{emits}).";
            operation.Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
            {
                ["x-emits"] = OpenApiWriter.Extension(JsonValue.Create(emits)),
            };
        }
        var body = rpc.HttpMethod == "post" && rpc.Body == rpc.Entity ? rpc.Entity : rpc.Body;
        if (body is not null)
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Content(body), Description = $"A {body}." };
        var (status, result) = rpc switch
        {
            { HttpMethod: "delete" } => ("204", null),
            { HttpMethod: "post", Body: var b } when b == rpc.Entity => ("201", rpc.Entity),
            { HttpMethod: "get" } when rpc.Name.StartsWith("List", StringComparison.Ordinal) => ("200", rpc.Response),
            _ => ("200", rpc.Entity),
        };
        operation.Responses[status] = new OpenApiResponse
        {
            Description = result is null ? "Done." : $"The {result}.",
            Content = result is null ? null : Content(result),
        };
        operation.Responses["400"] = new OpenApiResponseReference("BadRequest", document);
        if (rpc.Path.Contains("{id}", StringComparison.Ordinal))
            operation.Responses["404"] = new OpenApiResponseReference("NotFound", document);
        if (rpc.HttpMethod is "put" or "post") operation.Responses["409"] = new OpenApiResponseReference("Conflict", document);
        operation.Responses["default"] = new OpenApiResponseReference("Error", document);
        return operation;
    }

    private Dictionary<string, OpenApiMediaType> Content(string schema) => new(StringComparer.Ordinal)
    {
        [Json] = new() { Schema = new OpenApiSchemaReference(schema, document) },
    };
}
