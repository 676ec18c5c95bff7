-- CreateTable
CREATE TABLE "reviewer_preference" (
    "subject" TEXT NOT NULL,
    "selected_organization_uuid" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reviewer_preference_pkey" PRIMARY KEY ("subject")
);
