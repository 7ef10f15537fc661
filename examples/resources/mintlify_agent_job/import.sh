# Import a job of the provider's project by its ID:
terraform import mintlify_agent_job.example 8f2a6c1e9b7d4e3a
# or name its project too, as PROJECT_ID/JOB_ID:
terraform import mintlify_agent_job.example my-project-id/8f2a6c1e9b7d4e3a
