namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>An evidence file of a case: a reference to a stored file (bytes in stored_file_contents).</summary>
public sealed class CaseEvidence
{
    private CaseEvidence()
    {
    }

    internal CaseEvidence(Guid caseId, Guid storedFileId, DateTimeOffset addedAt, EvidenceSource source = EvidenceSource.Consumer)
    {
        Id = Guid.CreateVersion7(addedAt);
        CaseId = caseId;
        StoredFileId = storedFileId;
        AddedAt = addedAt;
        Source = source;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid StoredFileId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Who gave the file: the consumer (intake) or the partner agency (with its answer).</summary>
    public EvidenceSource Source { get; private set; }
}
