using System.Globalization;
using System.Xml;
using Jiedan.Domain.Gate.Checklist;

namespace Jiedan.Gate.Reports;

/// <summary>
/// The checklist as JUnit XML, so any CI shows the gate as a test suite: one test case per check; Fail and Missing
/// are failures (type "fail" or "missing"), Skipped is skipped.
/// </summary>
public static class GateJUnit
{
    public static void Write(GateOutcome o, Stream output)
    {
        var checks = o.Checklist.Checks;
        var failures = checks.Count(c => c.Blocks).ToString(CultureInfo.InvariantCulture);
        var skipped = checks.Count(c => c.Status == GateStatus.Skipped).ToString(CultureInfo.InvariantCulture);
        var tests = checks.Count.ToString(CultureInfo.InvariantCulture);
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "jiedan gate");
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", skipped);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "delivery-gate");
        xml.WriteAttributeString("tests", tests);
        xml.WriteAttributeString("failures", failures);
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", skipped);
        xml.WriteAttributeString("timestamp", o.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteStartElement("properties");
        Property(xml, "evidence.sha256", o.EvidenceSha256);
        Property(xml, "project", o.ProjectDir);
        xml.WriteEndElement();
        foreach (var c in checks)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "gate");
            xml.WriteAttributeString("name", $"{c.Id}: {c.Title}");
            xml.WriteAttributeString("time", "0");
            var summary = $"{c.Measured} (threshold {c.Threshold})";
            if (c.Blocks)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", c.Status == GateStatus.Missing ? "missing" : "fail");
                xml.WriteAttributeString("message", summary);
                xml.WriteString(string.Join("\n", c.Details));
                xml.WriteEndElement();
            }
            else if (c.Status == GateStatus.Skipped)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", string.Join("; ", c.Details));
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("system-out", summary);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
