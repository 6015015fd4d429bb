namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// A case a local consumer counselor filed for a resident (seed 000: counselors relay a consumer's case): who
/// filed it, for which consumer center, and who the resident is to the case (seed 001). How the resident
/// consented is part of the case's consent record (<see cref="ConsentChoices.HandlingMethod"/>).
/// </summary>
public sealed record CounselorFiling(Guid CounselorId, Guid CenterId, ResidentRelation Relation);
