-- Minors get an age group of their own ("Under18", then "From18To19"): the age of majority is 18, and a minor's contract may
-- be cancelled. The former "Under20" straddles 18, so it cannot become either: the cases filed with it keep it, renamed
-- "Under20Legacy" so that no code takes it for a group the forms still offer, and it is shown as it was ("under 20").
-- Drafts keep the form's values as typed; a draft with "Under20" asks for the age group again.
UPDATE cases SET consumer_age_band = 'Under20Legacy' WHERE consumer_age_band = 'Under20';
