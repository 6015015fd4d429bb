namespace CrossBorderConsumerCenter.Web.Domain.Cases;

/// <summary>
/// A case a local consumer counselor filed for a resident (the center's rules: counselors relay a consumer's case): who
/// filed it, for which consumer center, and who the resident is to the case (the ward's rules for consultations). How the resident
/// consented is part of the case's consent record (<see cref="ConsentChoices.HandlingMethod"/>).
/// </summary>
public sealed record CounselorFiling(Guid CounselorId, Guid CenterId, ResidentRelation Relation);
