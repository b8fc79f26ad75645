using Jiedan.Domain.Contract;

namespace Jiedan.Contract.Tests;

/// <summary>
/// The dashboard's entity/field editor: form → requirement.yml → <see cref="RequirementReader"/> keeps every value, whatever
/// was typed; a stored requirement → form → YAML gives the same contract; mistakes come back at line:column.
/// </summary>
public sealed class RequirementFormTests
{
    private static RequirementForm Sample() => new()
    {
        Service = "orders",
        Version = "1.2.0",
        P99Ms = "200",
        Availability = "99.95",
        Entities =
        [
            new EntityForm
            {
                Name = "User",
                Description = "下单用户: \"VIP\" 客户 \\ 备注\r\nsecond line # not a comment",
                Create = true, Get = true, List = true,
                Fields =
                [
                    new FieldForm { Name = "display_name", Type = "string", Required = true, MinLength = "2", MaxLength = "32",
                        Description = "显示名：2–32 个字符, {not: a map}" },
                    new FieldForm { Name = "email", Type = "string", Format = "email" },
                    new FieldForm { Name = "code", Type = "string", Pattern = "^[A-Z]{2}-\\d+: \"x\"$" },
                    new FieldForm { Name = "age", Type = "integer", Minimum = "0", Maximum = "150" },
                    new FieldForm { Name = "score", Type = "number", Minimum = "-1.5", Maximum = "1e3" },
                    new FieldForm { Name = "status", Type = "enum", Values = " active, banned ,, on_hold " },
                    new FieldForm { Name = "" },
                ],
            },
            new EntityForm
            {
                Name = "Order", Update = true, Delete = true,
                Fields =
                [
                    new FieldForm { Name = "buyer", Type = "ref", Entity = "User", Required = true },
                    new FieldForm { Name = "placed_at", Type = "date-time" },
                    new FieldForm { Name = "total", Type = "int64", Minimum = "1" },
                    new FieldForm { Name = "paid", Type = "boolean" },
                ],
            },
            new EntityForm { Fields = [new FieldForm()] },
        ],
    };

    [Fact]
    public void Every_value_typed_in_the_form_reads_back_through_the_reader()
    {
        var document = RequirementReader.Read(RequirementFormYaml.ToYaml(Sample()), "requirement.yml");

        Assert.Equal(("orders", "1.2.0", 200L, 99.95m), (document.Service, document.Version, document.Terms.P99Ms!.Value,
            document.Terms.Availability!.Value));
        Assert.Equal(["User", "Order"], document.Entities.Select(e => e.Name));
        var user = document.Entities[0];
        Assert.Equal("下单用户: \"VIP\" 客户 \\ 备注\nsecond line # not a comment", user.Description);
        Assert.Equal([Operation.Create, Operation.Get, Operation.List], user.Operations);
        Assert.Equal(["display_name", "email", "code", "age", "score", "status"], user.Fields.Select(f => f.Name));
        var name = user.Fields[0];
        Assert.Equal((true, 2L, 32L), (name.Constraints.Required, name.Constraints.MinLength!.Value, name.Constraints.MaxLength!.Value));
        Assert.Equal("显示名：2–32 个字符, {not: a map}", name.Description);
        Assert.Equal(StringFormat.Email, user.Fields[1].Constraints.Format);
        Assert.Equal("^[A-Z]{2}-\\d+: \"x\"$", user.Fields[2].Constraints.Pattern);
        Assert.Equal((0m, 150m), (user.Fields[3].Constraints.Minimum!.Value, user.Fields[3].Constraints.Maximum!.Value));
        Assert.Equal((-1.5m, 1000m), (user.Fields[4].Constraints.Minimum!.Value, user.Fields[4].Constraints.Maximum!.Value));
        Assert.Equal(["active", "banned", "on_hold"], user.Fields[5].Constraints.Values);
        var order = document.Entities[1];
        Assert.Equal(new FieldType(FieldKind.Reference, "User"), order.Fields[0].Type);
        Assert.Equal([FieldKind.Reference, FieldKind.DateTime, FieldKind.Integer64, FieldKind.Boolean],
            order.Fields.Select(f => f.Type.Kind));
        Assert.Equal([Operation.Update, Operation.Delete], order.Operations);
    }

    [Fact]
    public void Form_from_the_document_gives_back_the_same_contract()
    {
        var yaml = RequirementFormYaml.ToYaml(Sample());

        var again = RequirementFormYaml.ToYaml(RequirementFormYaml.FromDocument(RequirementReader.Read(yaml, "requirement.yml")));

        Assert.Equal(Generate(yaml).ProtoText, Generate(again).ProtoText);
        Assert.Equal(Generate(yaml).OpenApiYaml, Generate(again).OpenApiYaml);
        Assert.Contains("maximum: 1000\n", again, StringComparison.Ordinal);
    }

    private static GeneratedContract Generate(string yaml) => ContractGenerator.Generate(RequirementReader.Read(yaml, "r.yml"));

    [Theory]
    [MemberData(nameof(Requirements.All), MemberType = typeof(Requirements))]
    public void A_stored_requirement_through_the_form_keeps_every_entity_field_and_constraint_the_form_holds(string file)
    {
        var document = Requirements.Read(file);

        var again = RequirementReader.Read(RequirementFormYaml.ToYaml(RequirementFormYaml.FromDocument(document)), file);

        Assert.Equal((document.Service, document.Version, document.Terms), (again.Service, again.Version, again.Terms));
        Assert.Equal(document.Entities.Select(Entity), again.Entities.Select(Entity));
        var kept = document.Entities.SelectMany(e => e.Fields.Where(f => f.Type.Kind != FieldKind.List).Select(f => Field(e, f)));
        Assert.Equal(kept, again.Entities.SelectMany(e => e.Fields.Select(f => Field(e, f))));
        var lost = RequirementFormYaml.NotInForm(document);
        Assert.All(again.Entities, e => Assert.Empty(e.Actions));
        Assert.All(document.Entities.Where(e => e.Actions.Count > 0), e => Assert.Contains($"{e.Name}.{e.Actions[0].Name}", lost));
    }

    private static string Entity(EntitySpec e) => $"{e.Name} {e.Description} {string.Join(",", e.Operations)}";

    private static string Field(EntitySpec entity, FieldSpec f)
    {
        var c = f.Constraints;
        return string.Join("|", entity.Name, f.Name, f.Description, f.Type.Kind, f.Type.Entity, c.Required, c.MinLength, c.MaxLength,
            c.Pattern, c.Format, c.Minimum, c.Maximum, string.Join(",", c.Values));
    }

    [Fact]
    public void The_confirmation_draft_opens_in_the_form()
    {
        var form = RequirementFormYaml.FromDocument(RequirementReader.Read(RequirementDraft.FromItems(9, ["登录接口", "订单: 列表"]),
            "requirement.yml"));

        Assert.Equal("deal9", form.Service);
        Assert.Equal(["登录接口", "订单: 列表"], form.Entities.Select(e => e.Description));
        Assert.Equal("200", form.Entities[1].Fields[0].MaxLength);
        Assert.True(form.Entities[1].Fields[0].Required);
    }

    [Fact]
    public void A_mistake_comes_back_at_its_line_and_column()
    {
        var form = Sample();
        form.Entities[0].Fields[3].Maximum = "lots";

        var e = Assert.Throws<RequirementException>(() => RequirementReader.Read(RequirementFormYaml.ToYaml(form), "requirement.yml"));

        Assert.Equal((23L, 18L), (e.Line, e.Column));
        Assert.Contains("field User.age maximum must be a whole number", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_typed_in_a_box_can_add_a_key_or_an_entity()
    {
        var form = Sample();
        form.Entities[0].Fields[0].Name = "x\": {type: string}\n  Evil:\n    fields: {a: {type: string}}\n#";
        form.Service = "orders\"\nentities: {}";

        var service = Assert.Throws<RequirementException>(() => RequirementReader.Read(RequirementFormYaml.ToYaml(form), "r.yml"));
        form.Service = "orders";
        var field = Assert.Throws<RequirementException>(() => RequirementReader.Read(RequirementFormYaml.ToYaml(form), "r.yml"));

        Assert.Equal(1L, service.Line);
        Assert.Contains("service must be a lower_snake name", service.Problem, StringComparison.Ordinal);
        Assert.Contains("must be lower_snake", field.Problem, StringComparison.Ordinal);
    }
}
