using Jiedan.Domain.Gate;
using Jiedan.Domain.Gate.ApiDocs;

namespace Jiedan.Domain.Tests.Gate;

public sealed class OpenApiCompletenessTests
{
    [Theory]
    [InlineData("petstore-v3.yaml", "OpenApi3_0")]
    [InlineData("petstore-v2.json", "OpenApi2_0")]
    public async Task The_published_petstore_is_fully_documented(string file, string version)
    {
        // The published 2.0 example omits "required": true on its path parameter, which the 2.0 spec demands
        // (see the next test); with that one fix both versions describe the same three operations.
        var text = File.ReadAllText(Sample.Path(file)).Replace("\"in\": \"path\",", "\"in\": \"path\", \"required\": true,");
        var r = await OpenApiCompleteness.ParseAsync(Sample.Text(text), file, TestContext.Current.CancellationToken);
        Assert.Equal(version, r.SpecVersion);
        Assert.Equal(["GET /pets", "POST /pets", "GET /pets/{petId}"], r.Operations.Select(o => $"{o.Method} {o.Path}"));
        Assert.True(r.Percent == 100, string.Join("; ", r.Operations.Select(o => $"{o.Method} {o.Path}: {string.Join(",", o.Gaps())}")));
        Assert.Equal("/v1", r.BasePath);
    }

    [Fact]
    public async Task Missing_summary_description_or_schema_lowers_completeness()
    {
        var yaml = File.ReadAllText(Sample.Path("petstore-v3.yaml"))
            .Replace("      summary: Create a pet\n", "")
            .Replace("          description: The id of the pet to retrieve\n", "");
        var r = await OpenApiCompleteness.ParseAsync(Sample.Text(yaml), "api.yaml", TestContext.Current.CancellationToken);
        Assert.Equal(1, r.Complete);
        Assert.Equal(100.0 / 3, r.Percent, 9);
        var post = r.Operations.Single(o => o.Method == "POST");
        Assert.Equal(["no summary"], post.Gaps());
        Assert.Equal(["parameters without description"], r.Operations.Single(o => o.Path == "/pets/{petId}").Gaps());
    }

    [Fact]
    public async Task Served_routes_missing_from_the_document_are_listed()
    {
        await using var stream = Sample.Open("petstore-v3.yaml");
        var r = await OpenApiCompleteness.ParseAsync(stream, "petstore-v3.yaml", TestContext.Current.CancellationToken);
        var routes = ServedRoutes.Parse(new StringReader(
            "[GIN-debug] GET    /v1/pets                  --> main.list (3 handlers)\n" +
            "[GIN-debug] GET    /v1/pets/:petId           --> main.show (3 handlers)\n" +
            "[GIN-debug] DELETE /v1/pets/:petId           --> main.remove (3 handlers)\n" +
            "POST /pets\n"), "routes.txt");
        Assert.Equal(["DELETE /v1/pets/:petId"], r.WithServedRoutes(routes, r.BasePath).UndocumentedRoutes);
    }

    [Fact]
    public async Task A_document_with_errors_names_the_file_line_and_problem()
    {
        // "paths" entries must be objects: the reader reports the pointer, which is mapped back to its line.
        var yaml = "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /pets:\n    get:\n      responses: 12\n";
        var e = await Assert.ThrowsAsync<GateInputException>(() =>
            OpenApiCompleteness.ParseAsync(Sample.Text(yaml), "api.yaml", TestContext.Current.CancellationToken));
        Assert.Equal("api.yaml", e.File);
        Assert.NotNull(e.Line);
        Assert.NotEmpty(e.Problem);
    }

    [Fact]
    public async Task The_published_swagger_2_petstore_has_an_error_that_is_reported_with_its_line()
    {
        await using var stream = Sample.Open("petstore-v2.json");
        var e = await Assert.ThrowsAsync<GateInputException>(() =>
            OpenApiCompleteness.ParseAsync(stream, "petstore-v2.json", TestContext.Current.CancellationToken));
        // Line 87 opens the petId parameter, which has "in": "path" but no "required": true.
        Assert.Equal(87, e.Line);
        Assert.Contains("\"required\" must be true", e.Problem);
    }

    [Fact]
    public async Task Something_that_is_not_openapi_is_bad_input()
    {
        await Assert.ThrowsAsync<GateInputException>(() =>
            OpenApiCompleteness.ParseAsync(Sample.Text("{\"hello\": [1, 2"), "api.json", TestContext.Current.CancellationToken));
    }
}
