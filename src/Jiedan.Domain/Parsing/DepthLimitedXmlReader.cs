using System.Xml;

namespace Jiedan.Domain.Parsing;

/// <summary>Passes every call through to the inner reader, and refuses an element deeper than the limit as it is read.</summary>
internal sealed class DepthLimitedXmlReader(XmlReader inner, int maxDepth) : XmlReader, IXmlLineInfo
{
    private (int Line, int Column) _last = (1, 1);

    public override bool Read()
    {
        try
        {
            if (!inner.Read()) return false;
        }
        catch (XmlException e) when (e.LineNumber == 0)
        {
            // Some refusals (a DTD, for one) carry no position: name the start of the last node read, just before it.
            throw new XmlException(e.Message, e, _last.Line, _last.Column);
        }
        if (HasLineInfo()) _last = (LineNumber, LinePosition);
        if (inner.NodeType == XmlNodeType.Element && inner.Depth >= maxDepth)
            throw new XmlLimitException($"elements nested deeper than {maxDepth}", LineNumber, LinePosition);
        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool HasValue => inner.HasValue;
    public override bool IsDefault => inner.IsDefault;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override string XmlLang => inner.XmlLang;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override XmlReaderSettings? Settings => inner.Settings;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();
    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();
    public int LineNumber => inner is IXmlLineInfo info ? info.LineNumber : 0;
    public int LinePosition => inner is IXmlLineInfo info ? info.LinePosition : 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
