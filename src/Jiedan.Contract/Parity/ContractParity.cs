using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Parity;

/// <summary>
/// The parity proof: both files read back by their own parsers (protoc's descriptor set; Microsoft.OpenApi) and every
/// field of every schema compared, proto against OpenAPI and each against the requirement. Pure: running protoc is the
/// caller's business.
/// </summary>
public static class ContractParity
{
    public static ParityReport Check(ContractPlan plan, byte[] descriptorSet, string openApiYaml)
    {
        var proto = new ProtoConstraints(descriptorSet, ProtoWriter.FileName(plan));
        var openApi = new OpenApiConstraints(openApiYaml);
        var differences = new List<string>();
        var carried = new List<string>();
        var fields = new List<FieldParity>();
        differences.AddRange(openApi.Errors.Select(e => $"openapi.yaml: {e}"));
        if (proto.Package != plan.Package) differences.Add($"proto package is {proto.Package}, expected {plan.Package}");
        foreach (var message in plan.Schemas)
        {
            var (inProto, inOpenApi) = (proto.HasMessage(message.Name), openApi.HasSchema(message.Name));
            if (!inProto) differences.Add($"{message.Name}: no such message in the .proto");
            if (!inOpenApi) differences.Add($"{message.Name}: no such schema in openapi.yaml");
            if (!inProto || !inOpenApi) continue;
            Extra(message, proto.FieldNames(message.Name), f => true, "the .proto", differences);
            Extra(message, openApi.PropertyNames(message.Name), f => !f.InPath, "openapi.yaml", differences);
            foreach (var field in message.Fields)
            {
                var expected = ConstraintSet.Expected(field);
                var fromProto = proto.Field(message.Name, field.Name);
                var fromOpenApi = field.InPath ? openApi.IdParameter() : openApi.Property(message.Name, field.Name);
                var place = $"{message.Name}.{field.Name}";
                var same = expected == fromProto && expected == fromOpenApi;
                if (!same)
                {
                    differences.Add($"{place}: requirement says {expected}; proto says {Show(fromProto)}; "
                        + $"openapi says {Show(fromOpenApi)}");
                }
                fields.Add(new FieldParity(message.Name, field.Name, (fromProto ?? expected).ToString(), same));
                if (same && expected.Unique && expected.Type != "list")
                    carried.Add($"{place}: unique (openapi x-unique: true; proto comment {ProtoWriter.UniqueMarker})");
            }
        }
        Terms(plan, proto, openApi, carried, differences);
        return new ParityReport(fields, carried, differences);
    }

    private static string Show(ConstraintSet? set) => set?.ToString() ?? "(missing)";

    private static void Extra(PlannedMessage message, IReadOnlyList<string> names, Func<PlannedField, bool> shown, string side,
        List<string> differences)
    {
        foreach (var name in names.Where(n => !message.Fields.Any(f => f.Name == n && shown(f))))
            differences.Add($"{message.Name}.{name}: in {side} only");
    }

    /// <summary>Terms are not field rules: OpenAPI states them as x-sla-* keys of info, the proto as header comments.</summary>
    private static void Terms(ContractPlan plan, ProtoConstraints proto, OpenApiConstraints openApi, List<string> carried,
        List<string> differences)
    {
        var comments = proto.HeaderComments;
        foreach (var line in ProtoWriter.Terms(plan.Requirement.Terms))
        {
            var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
            var inProto = comments.Contains(line);
            var inOpenApi = openApi.InfoExtensions.ContainsKey(key);
            if (inProto && inOpenApi) carried.Add($"terms: {key} (openapi info.{key}; proto header comment)");
            else differences.Add($"terms: {key} is {(inProto ? "" : "not ")}in the .proto and {(inOpenApi ? "" : "not ")}in openapi.yaml");
        }
    }
}
