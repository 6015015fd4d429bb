using CrossBorderConsumerCenter.Web.Domain.Contact;

namespace CrossBorderConsumerCenter.Web.Data.Files;

/// <summary>
/// A file kept in PostgreSQL (evidence, an email attachment): its metadata here, its bytes in
/// <see cref="StoredFileContent"/> so that listing files never reads their contents.
/// Stored in the database so that it is transactional with the case and backed up with it.
/// </summary>
public sealed class StoredFile
{
    public const int MaxFileNameLength = 255;

    private StoredFile()
    {
    }

    public StoredFile(string fileName, string contentType, byte[] content, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        Id = Guid.CreateVersion7(createdAt);
        FileName = TextInput.Clip(fileName, MaxFileNameLength);
        ContentType = contentType;
        Length = content.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        CreatedAt = createdAt;
        Content = new StoredFileContent { StoredFileId = Id, Bytes = content };
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public StoredFileContent? Content { get; private set; }
}

public sealed class StoredFileContent
{
    public Guid StoredFileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}
